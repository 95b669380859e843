package io.brighthive.loadstress.awsfake;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link FakeAws} per test class, reset before each test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeAwsExtension AWS = new FakeAwsExtension();
 * ...
 * AWS.fake().cloudFormation().createStack(...);
 * }</pre>
 */
public final class FakeAwsExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private FakeAws fake;

  public FakeAws fake() {
    if (fake == null) {
      throw new IllegalStateException("FakeAwsExtension must be registered on a static field");
    }
    return fake;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    fake = new FakeAws().start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    fake.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    fake.close();
    fake = null;
  }
}
