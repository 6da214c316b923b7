// Package handler exposes the service over HTTP.
package handler

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/kyc/internal/audit"
	"example.com/kyc/internal/model"
	"example.com/kyc/internal/service"
)

// Handler serves the public API.
type Handler struct {
	svc *service.Service
}

// New returns a handler backed by svc.
func New(svc *service.Service) *Handler {
	return &Handler{svc: svc}
}

// Register creates an account and sends the phone verification code.
func (h *Handler) Register(c *gin.Context) {
	var req model.RegisterRequest
	if err := c.ShouldBindJSON(&req); err != nil { // expect: collected user.name; collected user.contact.email; collected user.contact.phone_number; collected user.authorization.password; collected user.device.device_id -- every personal field of `model.RegisterRequest`, at the bind call
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	user, err := h.svc.Register(c.Request.Context(), req.Name, req.Email, req.Phone, req.Password, req.DeviceID)  // expect: shared user.contact.phone_number -> twilio; shared user.device.device_id -> onesignal; shared user.name -> twilio; stored user.contact.email; stored user.contact.phone_number; stored user.name
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "registration failed"})
		return
	}
	audit.Log("user.registered", "user_id", user.ID, "request_id", requestID(c))
	c.JSON(http.StatusCreated, gin.H{"id": user.ID})
}

// Login checks the credentials and records where the login came from.
func (h *Handler) Login(c *gin.Context) {
	var req model.LoginRequest
	if err := c.ShouldBindJSON(&req); err != nil { // expect: collected user.contact.email; collected user.authorization.password
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	ip := clientIP(c)
	if err := h.svc.Login(c.Request.Context(), req.Email, req.Password, ip); err != nil {  // expect: stored user.device.ip_address
		audit.Log("login.failed", "source", ip)  // expect: logged user.device.ip_address
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Status(http.StatusNoContent)
}

// SubmitKYC verifies a user's identity document.
func (h *Handler) SubmitKYC(c *gin.Context) {
	var req model.KYCRequest
	if err := c.ShouldBindJSON(&req); err != nil { // expect: collected user.name; collected user.government_id.national_identification_number
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	if err := h.svc.VerifyIdentity(c.Request.Context(), req); err != nil {  // expect: shared user.government_id.national_identification_number -> sumsub; shared user.name -> sumsub; stored user.name
		c.JSON(http.StatusUnprocessableEntity, gin.H{"error": "verification failed"})
		return
	}
	c.Status(http.StatusAccepted)
}
