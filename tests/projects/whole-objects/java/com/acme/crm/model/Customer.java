package com.acme.crm.model;

// A customer record: its personal fields are declared here, and the files
// that store a `Customer` whole do not see them.
public class Customer {
    private Long id;
    private String email;
    private String telephone;
    private String password;
    private Integer status;

    public void setStatus(Integer status) {
        this.status = status;
    }
}
