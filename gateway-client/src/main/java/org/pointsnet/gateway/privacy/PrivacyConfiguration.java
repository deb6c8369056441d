package org.pointsnet.gateway.privacy;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The personal data cipher, keyed from {@code pointsnet.privacy.key-file} (or keys in memory when it is not set). */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${pointsnet.privacy.key-file:}") final String keyFile) {
        final PersonalDataKeys keys;
        if (keyFile.isBlank()) {
            LOG.warn("pointsnet.privacy.key-file is not set: personal data is sealed with keys that live only in "
                + "memory; after a restart this gateway cannot read what it stored before");
            keys = PersonalDataKeyFile.ephemeral();
        } else {
            keys = PersonalDataKeyFile.loadOrCreate(Path.of(keyFile));
        }
        LOG.info("personal data keys: {}", keys);
        return new PersonalDataCipher(keys);
    }
}
