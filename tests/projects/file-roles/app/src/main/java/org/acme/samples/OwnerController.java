package org.acme.samples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// A package named `samples` under Maven's main source set is production.
public class OwnerController {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerController.class);

    public void register(Owner owner) {
        LOG.info("registering {}", owner.getEmail()); // expect: logged user.contact.email
    }
}
