package io.brighthive.loadstress.environment.sizing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block. The address is kept as an unsigned 32-bit value in a long. */
public record Cidr(long address, int prefix) {
  private static final Pattern FORM =
      Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");

  public Cidr {
    if (prefix < 0 || prefix > 32 || address < 0 || address > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not an IPv4 CIDR: " + address + "/" + prefix);
    }
  }

  /** Parses {@code a.b.c.d/p}; empty when the text is not an IPv4 CIDR. */
  public static Optional<Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long address = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) {
        return Optional.empty();
      }
      address = (address << 8) | octet;
    }
    int prefix = Integer.parseInt(m.group(5));
    return prefix > 32 ? Optional.empty() : Optional.of(new Cidr(address, prefix));
  }

  /** Parses a CIDR the caller has already validated. */
  public static Cidr of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 CIDR: " + text));
  }

  public long size() {
    return 1L << (32 - prefix);
  }

  /** Whether the address is the network address, so that 10.0.0.1/16 is rejected. */
  public boolean isNetworkAddress() {
    return (address & (size() - 1)) == 0;
  }

  /** The block of the given prefix that starts {@code offset} addresses after this one's start. */
  public Cidr block(long offset, int blockPrefix) {
    return new Cidr(address + offset, blockPrefix);
  }

  public boolean contains(Cidr other) {
    return other.prefix >= prefix
        && other.address >= address
        && other.address + other.size() <= address + size();
  }

  @Override
  public String toString() {
    return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF)
        + "." + (address & 0xFF) + "/" + prefix;
  }
}
