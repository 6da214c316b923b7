# Display preferences kept in a cookie (policy section 2: "set specific
# service options").
class PreferencesController < ApplicationController
  LOCALES = %w[zh-CN en].freeze

  def update
    locale = params[:locale]
    cookies.permanent[:ts_locale] = locale if LOCALES.include?(locale)
    redirect_back fallback_location: root_path
  end
end
