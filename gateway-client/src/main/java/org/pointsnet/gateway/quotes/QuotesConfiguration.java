package org.pointsnet.gateway.quotes;

import java.time.Clock;
import org.pointsnet.gateway.config.GatewaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quote id issuer, keyed from {@code pointsnet.quotes.key-file} (or a key in memory when it is not set). */
@Configuration(proxyBeanMethods = false)
public class QuotesConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(QuotesConfiguration.class);

    @Bean
    QuoteTokens quoteTokens(final GatewaySettings settings) {
        final GatewaySettings.Quotes quotes = settings.quotes();
        final byte[] key;
        if (quotes.keyFile() == null) {
            LOG.warn("pointsnet.quotes.key-file is not set: quote ids are MACed with a key that lives only in "
                + "memory; a restart invalidates them and other instances of this gateway do not accept them");
            key = QuoteKeyFile.ephemeral();
        } else {
            key = QuoteKeyFile.loadOrCreate(quotes.keyFile());
        }
        return new QuoteTokens(key, quotes.ttl(), Clock.systemUTC());
    }
}
