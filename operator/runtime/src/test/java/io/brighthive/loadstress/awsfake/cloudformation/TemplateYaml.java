package io.brighthive.loadstress.awsfake.cloudformation;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads CloudFormation YAML, turning the short forms ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub …}) into
 * their JSON forms ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, …). */
final class TemplateYaml {

  private TemplateYaml() {
  }

  static Object load(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(10 * 1024 * 1024);
    Yaml parser = new Yaml(new CfnConstructor(options), new Representer(new DumperOptions()),
        new DumperOptions(), options, new NoTimestampResolver());
    return parser.load(yaml);
  }

  private static final class CfnConstructor extends SafeConstructor {
    CfnConstructor(LoaderOptions options) {
      super(options);
      yamlMultiConstructors.put("!", new ShortForm());
    }

    private final class ShortForm extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String name = node.getTag().getValue().substring(1);
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        Object value;
        if (node instanceof ScalarNode scalar) {
          String text = constructScalar(scalar);
          value = name.equals("GetAtt") && text.contains(".")
              ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
              : text;
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        return Map.of(key, value);
      }
    }
  }

  /** YAML 1.1 would read {@code 2010-09-09} as a date; CloudFormation keeps it a string. */
  private static final class NoTimestampResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    }
  }
}
