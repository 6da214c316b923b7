package com.acme.crm.model;

public class CustomerForm {
    private String email;
    private String telephone;
}
