package user

import "log"

type Request struct {
	Email string
}

func Save(req Request) {
	log.Printf("saving %s", req.Email) // expect: logged user.contact.email
}
