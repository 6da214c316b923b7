# An audit trail written to the application's log.
module AuditLog
  def self.record(event, ip)
    Rails.logger.info("#{event} from #{ip}") # expect: logged user.device.ip_address
  end
end
