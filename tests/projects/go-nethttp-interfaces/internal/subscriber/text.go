package subscriber

func greeting(firstName string) string {
	return "Hi " + firstName + ", thanks for subscribing!"
}
