// Package sms sends text messages through Twilio's REST API.
package sms

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const from = "+15005550006"

// Client sends messages from one Twilio account.
type Client struct {
	account string
	token   string
}

// NewClient returns a client for the account.
func NewClient(account, token string) *Client {
	return &Client{account: account, token: token}
}

// Send delivers text to the number to.
func (c *Client) Send(to, text string) error {
	form := url.Values{}
	form.Set("To", to)
	form.Set("From", from)
	form.Set("Body", text)
	endpoint := fmt.Sprintf("https://api.twilio.com/2010-04-01/Accounts/%s/Messages.json", c.account)
	resp, err := http.Post(endpoint, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))  // reported where callers pass their data in
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
