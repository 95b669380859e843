package io.brighthive.loadstress.generator.data;

/** Word lists for readable generated values. */
final class Vocabulary {

  static final String[] FIRST_NAMES = {
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Carlos", "Karen", "Wei", "Aisha", "Mateo", "Priya", "Noah", "Olga", "Kenji", "Fatima", "Liam",
    "Chloe", "Ahmed", "Sofia"
  };

  static final String[] LAST_NAMES = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
    "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Nguyen", "Kim", "Patel", "Chen",
    "Schmidt", "Rossi", "Kowalski", "Okafor"
  };

  static final String[] COMPANY_WORDS = {
    "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Cyberdyne", "Hooli", "Vandelay",
    "Soylent", "Tyrell", "Wonka", "Aperture", "Massive", "Dunder", "Prestige", "Blue Sun", "Oscorp",
    "Gringotts", "Nakatomi", "Monarch", "Zenith", "Pinnacle", "Summit", "Evergreen", "Northwind",
    "Contoso", "Fabrikam", "Tailspin", "Litware", "Proseware", "Adatum"
  };

  static final String[] COMPANY_KINDS = {
    "Analytics", "Systems", "Logistics", "Health", "Foods", "Energy", "Capital", "Labs", "Retail",
    "Media", "Robotics", "Pharma", "Networks", "Motors", "Insurance", "Materials"
  };

  static final String[] COMPANY_SUFFIXES = {"Inc", "LLC", "Ltd", "GmbH", "Corp", "Group", "SA", "plc"};

  static final String[] INDUSTRIES = {
    "Technology", "Healthcare", "Financial Services", "Retail", "Manufacturing", "Energy",
    "Education", "Media", "Transportation", "Hospitality", "Telecommunications", "Public Sector"
  };

  static final String[] STATES = {
    "CA", "NY", "TX", "WA", "IL", "MA", "FL", "GA", "Ontario", "Quebec", "Bavaria", "Ile-de-France",
    "Greater London", "Catalonia", "Maharashtra", "New South Wales", "Tokyo", "Sao Paulo", "Jalisco",
    "Gauteng"
  };

  /** Region of each entry of {@link #STATES}, same index. */
  static final String[] STATE_REGIONS = {
    "North America", "North America", "North America", "North America", "North America",
    "North America", "North America", "North America", "North America", "North America", "EMEA",
    "EMEA", "EMEA", "EMEA", "APAC", "APAC", "APAC", "LATAM", "LATAM", "EMEA"
  };

  static final String[] PRODUCT_ADJECTIVES = {
    "Smart", "Ultra", "Eco", "Pro", "Compact", "Wireless", "Heavy-Duty", "Premium", "Classic",
    "Portable", "Modular", "Quantum", "Organic", "Rapid", "Silent", "Solar"
  };

  static final String[] PRODUCT_NOUNS = {
    "Sensor", "Router", "Blender", "Backpack", "Desk", "Monitor", "Drill", "Kettle", "Headset",
    "Camera", "Lamp", "Scanner", "Printer", "Thermostat", "Speaker", "Charger", "Jacket", "Bicycle",
    "Tent", "Watch"
  };

  static final String[] CATEGORIES = {
    "Electronics", "Home & Kitchen", "Office", "Outdoor", "Tools", "Apparel", "Sports", "Health",
    "Automotive", "Toys"
  };

  static final String[] EMAIL_DOMAINS = {
    "example.com", "mail.example.org", "corp.example.net", "inbox.example.io", "example.co.uk",
    "post.example.de", "example.fr", "webmail.example.com"
  };

  private Vocabulary() {}
}
