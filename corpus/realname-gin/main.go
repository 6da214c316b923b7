package main

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"log"
	"net/http"
	"os"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	dysmsapi "github.com/alibabacloud-go/dysmsapi-20170525/v3/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/gin-gonic/gin"
	_ "github.com/go-sql-driver/mysql"
	"go.uber.org/zap"
)

const sessionCookie = "rn_session"

type Server struct {
	db     *sql.DB
	sms    *dysmsapi.Client
	logger *zap.Logger
}

func main() {
	db, err := sql.Open("mysql", os.Getenv("MYSQL_DSN"))
	if err != nil {
		log.Fatalf("open database: %v", err)
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxLifetime(30 * time.Minute)

	smsClient, err := dysmsapi.NewClient(&openapi.Config{
		AccessKeyId:     tea.String(os.Getenv("ALIYUN_ACCESS_KEY_ID")),
		AccessKeySecret: tea.String(os.Getenv("ALIYUN_ACCESS_KEY_SECRET")),
		Endpoint:        tea.String("dysmsapi.aliyuncs.com"),
	})
	if err != nil {
		log.Fatalf("init sms client: %v", err)
	}

	logger, _ := zap.NewProduction()
	defer logger.Sync()

	s := &Server{db: db, sms: smsClient, logger: logger}
	go s.runESignSync()

	r := gin.New()
	r.Use(gin.Recovery(), accessLog(), s.trackVisits())

	api := r.Group("/api")
	api.POST("/sms/code", s.sendCode)
	api.POST("/account/register", s.register)
	api.POST("/realname", s.requireLogin(), s.submitRealName)
	api.POST("/realname/permit", s.requireLogin(), s.submitPermitRealName)
	api.PATCH("/realname/permit/birth-date", s.requireLogin(), s.correctPermitBirthDate)
	api.POST("/esign/authorize", s.requireLogin(), s.authorizeESign)
	api.POST("/messages", s.leaveMessage)

	log.Fatal(r.Run(":8080"))
}

func accessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		log.Printf("%s %s %d %s client=%s", c.Request.Method, c.FullPath(), c.Writer.Status(), time.Since(start), c.ClientIP())
	}
}

func (s *Server) requireLogin() gin.HandlerFunc {
	return func(c *gin.Context) {
		token, err := c.Cookie(sessionCookie)
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "login required"})
			return
		}
		var userID int64
		err = s.db.QueryRow("SELECT user_id FROM sessions WHERE token = ?", token).Scan(&userID)
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "session expired"})
			return
		}
		c.Set("user_id", userID)
		c.Next()
	}
}

func newToken() string {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		panic(err)
	}
	return hex.EncodeToString(buf)
}
