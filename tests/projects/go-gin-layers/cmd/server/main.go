// Command server wires the KYC service and serves its HTTP API.
package main

import (
	"database/sql"
	"log"
	"os"

	"github.com/gin-gonic/gin"
	_ "github.com/lib/pq"

	"example.com/kyc/internal/audit"
	"example.com/kyc/internal/handler"
	"example.com/kyc/internal/service"
	"example.com/kyc/internal/store"
	"example.com/kyc/pkg/idcheck"
	"example.com/kyc/pkg/push"
	"example.com/kyc/pkg/sms"
)

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	svc := service.NewService(
		store.NewRepo(db),
		sms.NewClient(os.Getenv("TWILIO_ACCOUNT_SID"), os.Getenv("TWILIO_AUTH_TOKEN")),
		push.NewClient(os.Getenv("ONESIGNAL_APP_ID")),
		idcheck.NewClient(os.Getenv("SUMSUB_TOKEN")),
		audit.OpenFile("/var/log/kyc/audit.log"),
	)
	h := handler.New(svc)

	r := gin.Default() // expect: logged user.device.ip_address
	r.POST("/v1/register", h.Register)
	r.POST("/v1/login", h.Login)
	r.POST("/v1/kyc", h.SubmitKYC)
	if err := r.Run(":8080"); err != nil {
		log.Fatal(err)
	}
}
