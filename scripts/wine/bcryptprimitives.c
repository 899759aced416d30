/* bcryptprimitives.dll for Wine 8 (Debian 12's), which lacks it: Rust's std, from 1.78 on, takes its
 * random keys from ProcessPrng there, so every Rust program for Windows fails to start under that Wine
 * ("bcryptprimitives.dll not found", exit status 53). Real Windows 10 and later, and Wine 9, have it.
 * scripts/install-cross.sh builds this with mingw-w64 and installs it beside Wine's own DLLs. */
#include <windows.h>

/* RtlGenRandom, which advapi32 exports under this name. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
