/** The {@code bench} subcommand: a load generator driving the GraphQL InviteCustomer mutation over HTTP. */
package dev.eventsunbundled.bench;
