package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
)

const (
	esignIdentityURL = "https://api.esign-partner.cn/v1/identities"
	esignSyncEvery   = 24 * time.Hour
)

type esignAuthorizeRequest struct {
	Agreed bool `json:"agreed"`
}

// authorizeESign passes the user's verified identity to the electronic
// signature partner once the user has agreed to it on the authorization page.
func (s *Server) authorizeESign(c *gin.Context) {
	userID := c.GetInt64("user_id")
	var req esignAuthorizeRequest
	if err := c.ShouldBindJSON(&req); err != nil || !req.Agreed {
		c.JSON(http.StatusBadRequest, gin.H{"error": "please read and agree to the authorization first"})
		return
	}
	var realName, idNumber, phone string
	err := s.db.QueryRow("SELECT name, id_number, phone FROM realname_auth WHERE user_id = ? AND status = 'verified' ORDER BY id DESC LIMIT 1",
		userID).Scan(&realName, &idNumber, &phone)
	if err != nil {
		c.JSON(http.StatusConflict, gin.H{"error": "complete real-name authentication first"})
		return
	}
	// The partner's signing callbacks name the signer by ID card number.
	_, err = s.db.Exec("INSERT INTO esign_authorizations (user_id, id_number, agreed_at) VALUES (?, ?, ?)",
		userID, idNumber, time.Now())
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	body, _ := json.Marshal(map[string]string{
		"name":   realName,
		"idcard": idNumber,
		"mobile": phone,
	})
	resp, err := http.Post(esignIdentityURL, "application/json", bytes.NewReader(body))
	if err != nil {
		s.logger.Error("esign partner unavailable", zap.Error(err))
		c.JSON(http.StatusBadGateway, gin.H{"error": "signature service unavailable"})
		return
	}
	resp.Body.Close()
	c.JSON(http.StatusOK, gin.H{"authorized": true})
}

// runESignSync sends the partner, once a day, the identities verified again
// since the previous run.
func (s *Server) runESignSync() {
	last := time.Now()
	ticker := time.NewTicker(esignSyncEvery)
	defer ticker.Stop()
	for now := range ticker.C {
		if err := s.syncESignIdentities(context.Background(), last); err != nil {
			s.logger.Error("esign sync failed", zap.Error(err))
			continue
		}
		last = now
	}
}

// syncESignIdentities sends the partner the identities verified again since
// the last run, so that its records follow renewed ID cards and new phones.
func (s *Server) syncESignIdentities(ctx context.Context, since time.Time) error {
	rows, err := s.db.QueryContext(ctx, "SELECT name, id_number, phone FROM realname_auth WHERE status = 'verified' AND updated_at > ?", since)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var realName, idNumber, phone string
		if err := rows.Scan(&realName, &idNumber, &phone); err != nil {
			return err
		}
		body, _ := json.Marshal(map[string]string{
			"name":   realName,
			"idcard": idNumber,
			"mobile": phone,
		})
		resp, err := http.Post(esignIdentityURL, "application/json", bytes.NewReader(body))
		if err != nil {
			s.logger.Warn("esign sync: partner unavailable", zap.Error(err))
			continue
		}
		resp.Body.Close()
	}
	return rows.Err()
}
