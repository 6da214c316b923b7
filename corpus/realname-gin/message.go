package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
)

// leaveMessage handles the "online message" form: organisation, contact
// person, contact information, position and address.
func (s *Server) leaveMessage(c *gin.Context) {
	organization := c.PostForm("organization")
	contactName := c.PostForm("contact_name")
	contactPhone := c.PostForm("contact_phone")
	position := c.PostForm("position")
	address := c.PostForm("address")
	content := c.PostForm("content")
	if contactName == "" || contactPhone == "" || content == "" {
		c.JSON(http.StatusBadRequest, gin.H{"error": "contact name, phone and message are required"})
		return
	}

	_, err := s.db.Exec(`INSERT INTO online_messages
		(organization, contact_name, contact_phone, position, address, content, client_ip)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		organization, contactName, contactPhone, position, address, content, c.ClientIP())
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	fmt.Printf("new online message from %s (%s)\n", organization, contactName)

	text := fmt.Sprintf("新留言：%s %s %s\n%s", organization, contactName, contactPhone, content)
	payload, _ := json.Marshal(map[string]any{
		"msgtype": "text",
		"text":    map[string]string{"content": text},
	})
	robotURL := "https://oapi.dingtalk.com/robot/send?access_token=" + os.Getenv("DINGTALK_TOKEN")
	if resp, err := http.Post(robotURL, "application/json", bytes.NewReader(payload)); err == nil {
		resp.Body.Close()
	}
	c.JSON(http.StatusCreated, gin.H{"received": true})
}
