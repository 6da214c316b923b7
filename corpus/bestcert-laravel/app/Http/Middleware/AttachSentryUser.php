<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Sentry\State\Scope;
use Symfony\Component\HttpFoundation\Response;

use function Sentry\configureScope;

/**
 * Tags error reports with the signed-in member so that support can find them.
 */
class AttachSentryUser
{
    public function handle(Request $request, Closure $next): Response
    {
        $user = $request->user();
        if ($user !== null) {
            configureScope(function (Scope $scope) use ($user, $request): void {
                $scope->setUser([
                    'id' => $user->id,
                    'username' => $user->member_name,
                    'ip_address' => $request->ip(),
                ]);
            });
        }

        return $next($request);
    }
}
