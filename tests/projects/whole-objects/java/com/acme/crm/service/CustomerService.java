package com.acme.crm.service;

import com.acme.crm.model.Customer;
import com.acme.crm.model.CustomerForm;
import org.springframework.beans.BeanUtils;

// Storing a `Customer` whole stores every personal field its class declares
// in another file, except its password, which a stored record holds hashed.
// A record read from storage and written back, or made empty here, holds
// only what the code puts in it.
public class CustomerService {
    private final CustomerRepository customers;
    private final CustomerMapper customerMapper;

    public CustomerService(CustomerRepository customers, CustomerMapper customerMapper) {
        this.customers = customers;
        this.customerMapper = customerMapper;
    }

    public void register(Customer customer) {
        customers.save(customer); // expect: stored user.contact.email; stored user.contact.phone_number
    }

    public void importForm(CustomerForm form) {
        Customer customer = new Customer();
        BeanUtils.copyProperties(form, customer);
        customerMapper.insert(customer); // expect: stored user.contact.email; stored user.contact.phone_number
    }

    public void close(Long id) {
        Customer loaded = customers.findById(id);
        loaded.setStatus(0);
        customers.save(loaded);
        Customer blank = new Customer();
        blank.setStatus(1);
        customerMapper.insert(blank);
    }
}
