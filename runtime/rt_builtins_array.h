/* rt_builtins_array.h — element helpers shared by the Array builtins
 * (rt_builtins_array.c, rt_builtins_array_iter.c): [[Get]]/[[HasProperty]]/
 * [[Set]]/[[Delete]] by a numeric index up to 2^53-1, with a fast path for
 * present elements of dense arrays. All return -1 / RT_EXCEPTION on a throw
 * (Set and Delete are strict: failures are TypeErrors). */
#ifndef RT_BUILTINS_ARRAY_H
#define RT_BUILTINS_ARRAY_H

#include "rt_builtins.h"

Value rt_arr_get(Runtime *rt, Value o, double i);
int rt_arr_has(Runtime *rt, Value o, double i);
int rt_arr_set(Runtime *rt, Value o, double i, Value v);
int rt_arr_delete(Runtime *rt, Value o, double i);
int rt_arr_set_length(Runtime *rt, Value o, double len);
int rt_arr_create_at(Runtime *rt, Value o, double i, Value v);   /* CreateDataPropertyOrThrow */
Value rt_array_species_create(Runtime *rt, Value orig, double len);

#endif
