/**
 * The web console: static pages and small JavaScript modules under {@code classpath:/static/console/}, served by the
 * gateway itself under {@code /console/} with a Content-Security-Policy that allows only the gateway's own origin.
 */
package org.pointsnet.gateway.console;
