package dev.eventsunbundled.app;

import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.shell.Functions;

/** The customer functions this deployable hosts, and the resolver its routes ask. */
public record CustomerFunctions(Functions functions, InviteCustomerResolver invite) {}
