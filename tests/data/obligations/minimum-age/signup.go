package main

import "net/http"

const minimumAge = 14

func signup(w http.ResponseWriter, r *http.Request) {
	birthDate := r.FormValue("birth_date")
	if ageOn(birthDate) < minimumAge {
		http.Error(w, "too young", http.StatusForbidden)
	}
}

func signupLax(w http.ResponseWriter, r *http.Request) {
	birthDate := r.FormValue("birth_date") // expect: minimum-age-not-checked
	if ageOn(birthDate) < 12 {
		http.Error(w, "too young", http.StatusForbidden)
	}
}
