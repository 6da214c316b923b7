// Package mailer sends transactional email.
package mailer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

// Message is one email.
type Message struct {
	To      string
	Subject string
	Body    string
}

// Sender delivers messages.
type Sender interface {
	Send(m Message) error
}

// Default sends through Postmark with the server token from the environment.
var Default Sender = NewPostmark(os.Getenv("POSTMARK_SERVER_TOKEN"))

// Postmark sends through Postmark's HTTP API.
type Postmark struct {
	token  string
	client *http.Client
}

// NewPostmark returns a sender using token.
func NewPostmark(token string) *Postmark {
	return &Postmark{token: token, client: &http.Client{}}
}

// Send delivers m.
func (p *Postmark) Send(m Message) error {
	body, err := json.Marshal(map[string]string{
		"From":     "news@acme.test",
		"To":       m.To,
		"Subject":  m.Subject,
		"TextBody": m.Body,
	})
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, "https://api.postmarkapp.com/email", bytes.NewReader(body))  // reported where callers pass their data in
	if err != nil {
		return err
	}
	req.Header.Set("X-Postmark-Server-Token", p.token)
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		ErrorCode int
		Message   string
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return err
	}
	if out.ErrorCode != 0 {
		return fmt.Errorf("postmark: %s", out.Message)
	}
	return nil
}
