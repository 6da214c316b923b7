package com.acme.shop.web.dto;

import javax.validation.constraints.Email;
import javax.validation.constraints.NotBlank;

/** The signup form, bound from the JSON body. */
public class SignupRequest {
    @Email
    private String email;
    @NotBlank
    private String mobile;
    private String fullName;
    private String password;
    private boolean marketingOptIn;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isMarketingOptIn() {
        return marketingOptIn;
    }
}
