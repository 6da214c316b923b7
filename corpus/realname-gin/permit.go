package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
)

// PermitRequest is the real-name form for holders of a Mainland Travel Permit
// for Hong Kong and Macao Residents or for Taiwan Residents. The permit number
// does not carry the date of birth, so the holder types it in from the permit.
type PermitRequest struct {
	RealName     string `json:"real_name" binding:"required"`
	PermitType   string `json:"permit_type" binding:"required,oneof=hkmo tw"`
	PermitNumber string `json:"permit_number" binding:"required"`
	BirthDate    string `json:"birth_date" binding:"required"`
	Phone        string `json:"phone" binding:"required"`
}

// submitPermitRealName performs real-name authentication for permit holders.
// The supplier checks the permit against the exit-entry administration's records.
func (s *Server) submitPermitRealName(c *gin.Context) {
	userID := c.GetInt64("user_id")
	var req PermitRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "name, permit number, date of birth and phone are required"})
		return
	}
	birthDate, err := time.Parse("2006-01-02", req.BirthDate)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid date of birth"})
		return
	}
	if !meetsMinimumAge(birthDate, time.Now()) {
		c.JSON(http.StatusForbidden, gin.H{"error": "this platform is not available to users under 14"})
		return
	}

	body, _ := json.Marshal(map[string]string{
		"name":       req.RealName,
		"permitType": req.PermitType,
		"permitNo":   req.PermitNumber,
		"birthDate":  birthDate.Format("20060102"),
		"mobile":     req.Phone,
	})
	resp, err := http.Post("https://api.idauth-supplier.com/v2/permit/verify", "application/json", bytes.NewReader(body))
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
	} else if verdict.Code == 0 && verdict.Result == "birth_date_mismatch" {
		status = "returned"
	}
	permitHash := sha256.Sum256([]byte(req.PermitType + req.PermitNumber))
	_, err = s.db.Exec("INSERT INTO permit_auth (user_id, real_name, permit_type, permit_digest, birth_date, phone, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
		userID, req.RealName, req.PermitType, hex.EncodeToString(permitHash[:]), birthDate, req.Phone, status)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": status})
}

// correctPermitBirthDate lets a holder whose application came back with a
// date-of-birth mismatch fix the date without filling in the whole form again;
// the application then goes to the manual review queue.
func (s *Server) correctPermitBirthDate(c *gin.Context) {
	userID := c.GetInt64("user_id")
	birthDate, err := time.Parse("2006-01-02", c.PostForm("birth_date"))
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid date of birth"})
		return
	}
	res, err := s.db.Exec("UPDATE permit_auth SET birth_date = ?, status = 'pending' WHERE user_id = ? AND status = 'returned'",
		birthDate, userID)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	if n, _ := res.RowsAffected(); n == 0 {
		c.JSON(http.StatusNotFound, gin.H{"error": "no application to correct"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "pending"})
}

// meetsMinimumAge reports whether someone born on birthDate is at least
// minimumAge years old at now.
func meetsMinimumAge(birthDate, now time.Time) bool {
	age := now.Year() - birthDate.Year()
	if now.YearDay() < birthDate.YearDay() {
		age--
	}
	return age >= minimumAge
}
