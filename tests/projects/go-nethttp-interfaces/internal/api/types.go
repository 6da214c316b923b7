package api

// subscribeInput is the JSON body of POST /subscribe.
type subscribeInput struct {
	Email     string `json:"email"`
	FirstName string `json:"first_name"`
}
