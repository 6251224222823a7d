package dev.eventsunbundled.customer;

/** The channels the customer functions talk over. */
public final class Channels {

  public static final String CUSTOMER = "customer";
  public static final String COMMUNICATION = "communication";

  private Channels() {}
}
