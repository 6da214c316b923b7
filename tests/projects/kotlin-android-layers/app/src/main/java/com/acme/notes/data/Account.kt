package com.acme.notes.data

data class Account(val email: String, val phone: String, val nickname: String)
