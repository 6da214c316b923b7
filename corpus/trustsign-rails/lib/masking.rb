# Masks contact details before they appear in logs or pages.
module Masking
  module_function

  # 手机号脱敏: 138****5678
  def mask_phone(value)
    return "" if value.blank?

    "#{value[0, 3]}****#{value[-4..]}"
  end
end
