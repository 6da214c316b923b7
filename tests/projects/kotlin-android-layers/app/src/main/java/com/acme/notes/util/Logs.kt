package com.acme.notes.util

import timber.log.Timber

object Logs {
    fun debug(message: String) {
        Timber.d(message)
    }
}
