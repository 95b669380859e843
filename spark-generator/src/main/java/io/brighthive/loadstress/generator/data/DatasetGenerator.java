package io.brighthive.loadstress.generator.data;

import java.util.List;

/** Builds (lazily) the tables and ground-truth files of one dataset. */
public interface DatasetGenerator {

  List<Output> outputs(GenerationContext context);
}
