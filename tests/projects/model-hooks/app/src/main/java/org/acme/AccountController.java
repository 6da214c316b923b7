package org.acme;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

public class AccountController {
    private AccountRepository accounts;
    private PasswordEncoder passwordEncoder;

    @PostMapping("/accounts")
    public void register(@RequestBody Account account) { // expect: collected user.contact.email; collected user.authorization.password
        // The setter overwrites the clear-text password with its hash.
        account.setPassword(passwordEncoder.encode(account.getPassword()));
        accounts.save(account); // expect: stored user.contact.email
    }

    @PostMapping("/accounts/import")
    public void importAccount(@RequestBody Account account) { // expect: collected user.contact.email; collected user.authorization.password
        account.setEmail(account.getEmail().trim());
        accounts.save(account); // expect: stored user.contact.email; stored user.authorization.password
    }
}
