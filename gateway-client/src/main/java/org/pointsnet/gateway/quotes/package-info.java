/** Locked quotes: the quote ids this gateway issues on GET /quotes and accepts on POST /conversions. */
package org.pointsnet.gateway.quotes;
