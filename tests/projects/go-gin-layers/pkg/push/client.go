// Package push sends notifications to devices through OneSignal.
package push

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// Client sends notifications for one app.
type Client struct {
	appID string
}

// NewClient returns a client for the app.
func NewClient(appID string) *Client {
	return &Client{appID: appID}
}

// Send notifies one device, addressed by its push subscription.
func (c *Client) Send(subscription, message string) error {
	body, _ := json.Marshal(map[string]any{
		"app_id":                   c.appID,
		"include_subscription_ids": []string{subscription},
		"contents":                 map[string]string{"en": message},
	})
	resp, err := http.Post("https://api.onesignal.com/notifications", "application/json", bytes.NewReader(body))  // reported where callers pass their data in
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
