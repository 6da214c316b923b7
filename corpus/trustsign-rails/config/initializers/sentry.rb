# Error reports go to Sentry. The SDK's own default keeps request bodies,
# cookies and IP addresses out of the reports.
Sentry.init do |config|
  config.dsn = ENV["SENTRY_DSN"]
  config.send_default_pii = false
  config.traces_sample_rate = 0.1
end
