/** The deployable node: wires the customer functions into the Pekko shell. */
package dev.eventsunbundled.app;
