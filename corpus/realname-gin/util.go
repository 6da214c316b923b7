package main

import "time"

// maskPhone hides the middle four digits of a mobile phone number.
func maskPhone(phone string) string {
	if len(phone) < 7 {
		return "***"
	}
	return phone[:3] + "****" + phone[len(phone)-4:]
}

// ageFromIDNumber reads the date of birth (digits 7-14) of an 18-digit
// resident identity card number and returns the holder's age at now.
func ageFromIDNumber(idNumber string, now time.Time) (int, bool) {
	if len(idNumber) != 18 {
		return 0, false
	}
	birth, err := time.Parse("20060102", idNumber[6:14])
	if err != nil {
		return 0, false
	}
	age := now.Year() - birth.Year()
	if now.YearDay() < birth.YearDay() {
		age--
	}
	return age, true
}
