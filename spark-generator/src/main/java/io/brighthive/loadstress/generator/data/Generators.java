package io.brighthive.loadstress.generator.data;

/** Which generator builds which dataset. */
public final class Generators {

  private Generators() {}

  public static DatasetGenerator forDataset(DatasetId dataset) {
    return switch (dataset) {
      case CUSTOMERS -> new CustomersGenerator();
      case PRODUCTS -> new ProductsGenerator();
      case ORDERS -> new OrdersGenerator();
      case MULTI_SOURCE_ENTITIES -> new MultiSourceGenerator();
      case EVENTS -> new EventsGenerator();
      case CATALOG -> new CatalogGenerator();
      case LINEAGE -> new LineageGenerator();
      case QUERY_LOGS -> new QueryLogsGenerator();
      case SUPPORT_TICKETS -> new SupportTicketsGenerator();
    };
  }
}
