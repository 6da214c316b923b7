package org.acme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class OwnerControllerTests {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerControllerTests.class);

    void registers(Owner owner) {
        LOG.info("testing {}", owner.getEmail()); // expect(test): logged user.contact.email
    }
}
