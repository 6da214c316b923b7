// Package idcheck verifies national ID numbers with Sumsub.
package idcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// Client calls the verification API.
type Client struct {
	token string
	http  *http.Client
}

// NewClient returns a client authenticated with token.
func NewClient(token string) *Client {
	return &Client{token: token, http: &http.Client{}}
}

type applicant struct {
	Info map[string]string `json:"info"`
	Docs []document        `json:"docs"`
}

type document struct {
	Type   string `json:"type"`
	Number string `json:"number"`
}

// Verify reports whether the holder's name matches the document.
func (c *Client) Verify(ctx context.Context, holder, number string) (bool, error) {
	payload := applicant{
		Info: map[string]string{"fullName": holder},
		Docs: []document{{Type: "ID_CARD", Number: number}},
	}
	body, err := json.Marshal(payload)
	if err != nil {
		return false, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.sumsub.com/resources/applicants", bytes.NewReader(body)) // expect: shared user.name -> sumsub
	if err != nil {
		return false, err
	}
	req.Header.Set("X-App-Token", c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}
