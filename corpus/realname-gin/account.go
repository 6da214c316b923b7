package main

import (
	"crypto/rand"
	"fmt"
	"log"
	"math/big"
	"net/http"
	"regexp"
	"time"

	dysmsapi "github.com/alibabacloud-go/dysmsapi-20170525/v3/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
	"golang.org/x/crypto/bcrypt"
)

var phoneRegex = regexp.MustCompile(`^1[3-9]\d{9}$`)

const (
	smsSignName      = "云签实名"
	smsTemplateCode  = "SMS_463620117"
	smsCodeTTL       = 5 * time.Minute
	sessionMaxAgeSec = 7 * 24 * 3600
)

// sendCode sends a one-time code to the mobile phone number the user
// registers with. Only mainland China numbers are accepted.
func (s *Server) sendCode(c *gin.Context) {
	phone := c.PostForm("phone")
	if !phoneRegex.MatchString(phone) {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid phone number"})
		return
	}
	n, _ := rand.Int(rand.Reader, big.NewInt(1000000))
	code := fmt.Sprintf("%06d", n.Int64())

	_, err := s.sms.SendSms(&dysmsapi.SendSmsRequest{
		PhoneNumbers:  tea.String(phone),
		SignName:      tea.String(smsSignName),
		TemplateCode:  tea.String(smsTemplateCode),
		TemplateParam: tea.String(`{"code":"` + code + `"}`),
	})
	if err != nil {
		s.logger.Error("send sms failed", zap.String("phone", maskPhone(phone)), zap.Error(err))
		c.JSON(http.StatusBadGateway, gin.H{"error": "sms service unavailable"})
		return
	}
	_, err = s.db.Exec("INSERT INTO sms_codes (phone, code, expires_at) VALUES (?, ?, ?)",
		phone, code, time.Now().Add(smsCodeTTL))
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	log.Printf("sms code sent to %s", maskPhone(phone))
	c.JSON(http.StatusOK, gin.H{"sent": true})
}

func (s *Server) register(c *gin.Context) {
	phone := c.PostForm("phone")
	password := c.PostForm("password")
	var expected string
	err := s.db.QueryRow("SELECT code FROM sms_codes WHERE phone = ? AND expires_at > NOW() ORDER BY id DESC LIMIT 1",
		phone).Scan(&expected)
	if err != nil || expected != c.PostForm("code") {
		c.JSON(http.StatusBadRequest, gin.H{"error": "wrong or expired verification code"})
		return
	}

	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid password"})
		return
	}
	res, err := s.db.Exec("INSERT INTO users (phone, password_hash) VALUES (?, ?)", phone, string(hash))
	if err != nil {
		c.JSON(http.StatusConflict, gin.H{"error": "phone number already registered"})
		return
	}
	userID, _ := res.LastInsertId()

	token := newToken()
	if _, err := s.db.Exec("INSERT INTO sessions (token, user_id) VALUES (?, ?)", token, userID); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.SetCookie(sessionCookie, token, sessionMaxAgeSec, "/", "", true, true)
	s.logger.Info("user registered", zap.Int64("user_id", userID))
	c.JSON(http.StatusCreated, gin.H{"id": userID})
}
