module github.com/yunqian-tech/realname-portal

go 1.22

require (
	github.com/alibabacloud-go/darabonba-openapi/v2 v2.0.9
	github.com/alibabacloud-go/dysmsapi-20170525/v3 v3.0.6
	github.com/alibabacloud-go/tea v1.2.2
	github.com/gin-gonic/gin v1.10.0
	github.com/go-sql-driver/mysql v1.8.1
	go.uber.org/zap v1.27.0
	golang.org/x/crypto v0.24.0
)
