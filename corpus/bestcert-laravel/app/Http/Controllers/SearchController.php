<?php

namespace App\Http\Controllers;

use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\DB;

/**
 * Certificate product search.
 */
class SearchController extends Controller
{
    /** Name of the cookie that lists recent searches under the search box. */
    private const RECENT_SEARCH_COOKIE = 'bc_recent_search';

    public function products(Request $request): JsonResponse
    {
        $searchQuery = (string) $request->query('search_query', '');
        $products = DB::table('products')
            ->where('on_sale', true)
            ->where('name', 'like', '%' . $searchQuery . '%')
            ->get(['sku', 'name', 'brand', 'validation_type', 'price']);

        if ($request->user()) {
            // Product suggestions on the console's home page.
            Cache::put('search:last:' . $request->user()->id, $searchQuery, now()->addYear());
        }

        return response()->json($products)
            ->cookie(self::RECENT_SEARCH_COOKIE, $searchQuery, 60 * 24 * 30);
    }
}
