package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
)

const minimumAge = 14

type RealNameRequest struct {
	Name     string `json:"name" binding:"required"`
	IDNumber string `json:"id_number" binding:"required,len=18"`
	Phone    string `json:"phone" binding:"required"`
}

type supplierVerdict struct {
	Code   int    `json:"code"`
	Result string `json:"result"`
}

// submitRealName performs real-name authentication. The supplier compares the
// name and ID card number with the national identity database.
func (s *Server) submitRealName(c *gin.Context) {
	userID := c.GetInt64("user_id")
	var req RealNameRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "name, ID card number and phone are required"})
		return
	}
	if !phoneRegex.MatchString(req.Phone) {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid phone number"})
		return
	}
	if age, ok := ageFromIDNumber(req.IDNumber, time.Now()); !ok || age < minimumAge {
		c.JSON(http.StatusForbidden, gin.H{"error": "this platform is not available to users under 14"})
		return
	}
	log.Printf("realname submitted by user %d: %s %s", userID, req.Name, req.IDNumber)

	idHash := sha256.Sum256([]byte(req.IDNumber))
	idDigest := hex.EncodeToString(idHash[:])
	s.logger.Info("realname dedupe key", zap.String("id_digest", idDigest))

	body, _ := json.Marshal(map[string]string{
		"name":   req.Name,
		"idcard": req.IDNumber,
		"mobile": req.Phone,
	})
	resp, err := http.Post("https://api.idauth-supplier.com/v2/idcard/verify", "application/json", bytes.NewReader(body))
	if err != nil {
		s.logger.Error("supplier unavailable", zap.Error(err))
		c.JSON(http.StatusBadGateway, gin.H{"error": "verification service unavailable"})
		return
	}
	defer resp.Body.Close()
	var verdict supplierVerdict
	if err := json.NewDecoder(resp.Body).Decode(&verdict); err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "verification service error"})
		return
	}

	status := "rejected"
	if verdict.Code == 0 && verdict.Result == "consistent" {
		status = "verified"
	}
	_, err = s.db.Exec("INSERT INTO realname_auth (user_id, name, id_number, phone, id_digest, status) VALUES (?, ?, ?, ?, ?, ?)",
		userID, req.Name, req.IDNumber, req.Phone, idDigest, status)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	s.logger.Info("realname result", zap.Int64("user_id", userID), zap.String("status", status), zap.String("phone", maskPhone(req.Phone)))
	c.JSON(http.StatusOK, gin.H{"status": status})
}
