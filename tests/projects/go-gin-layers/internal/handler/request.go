package handler

import "github.com/gin-gonic/gin"

// clientIP is the caller's address as seen behind the load balancer.
func clientIP(c *gin.Context) string {
	return c.ClientIP() // expect: collected user.device.ip_address
}

func requestID(c *gin.Context) string {
	return c.GetHeader("X-Request-Id")
}
