package user

import "log"

func TestSave(req Request) {
	log.Printf("testing %s", req.Email) // expect(test): logged user.contact.email
	Save(req)
}
