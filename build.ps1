<#
.SYNOPSIS
Builds, documents, tests and packages the AadstsTools module.

.DESCRIPTION
Tasks run in the order given:

  Clean    removes out/ and the build outputs (dotnet clean).
  Build    builds the solution and lays out out/AadstsTools/<version>/ from build/module-layout.json,
           checking the manifest, formats and help against the compiled cmdlets.
  Docs     turns docs/*.md into MAML help and the about topic (out/help/en-US/) and checks every cmdlet
           and parameter is documented.
  Test     runs the xunit tests (dotnet test) and, where Pester 5 is installed, the Pester suite in
           tests/Pester against out/AadstsTools/<version>/ (and in Windows PowerShell 5.1 too, on Windows).
  Package  lays the module out again and packs out/AadstsTools.<version>.nupkg for Publish-PSResource
           (-NupkgPath) or nuget push.

The layout, help and package steps are the build tool's (build/AadstsTools.Build), the same CI runs without
PowerShell, so the two paths cannot drift. Any missing or unexpected file stops the build with its name.

.EXAMPLE
./build.ps1 -Task Clean, Build, Docs, Test, Package

.EXAMPLE
./build.ps1 -Task Test -Configuration Debug
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Docs', 'Test', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run the Pester suite only in this PowerShell, not also in Windows PowerShell 5.1.
    [switch] $SkipWindowsPowerShell
)

Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'

$RepositoryRoot = $PSScriptRoot
$Solution = Join-Path $RepositoryRoot 'AadstsTools.sln'
$BuildTool = Join-Path $RepositoryRoot 'build/AadstsTools.Build/AadstsTools.Build.csproj'
$OutFolder = Join-Path $RepositoryRoot 'out'
$PesterFolder = Join-Path $RepositoryRoot 'tests/Pester'
$MinimumPester = [version]'5.0.0'

function Invoke-Native {
    # Runs a native command and stops the build when it fails, naming the command. The arguments come as
    # one array: '--' and '-c' would otherwise be taken as PowerShell's own parameter syntax.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $Arguments = @())

    Write-Host "> $FilePath $($Arguments -join ' ')" -ForegroundColor DarkGray
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTool {
    param([Parameter(Mandatory)] [string[]] $Arguments)

    Invoke-Native 'dotnet' (@('run', '--project', $BuildTool, '-c', $Configuration, '--') + $Arguments + @('--configuration', $Configuration, '--repo', $RepositoryRoot))
}

function Get-ModuleVersion {
    $props = [xml](Get-Content -LiteralPath (Join-Path $RepositoryRoot 'Directory.Build.props') -Raw)
    $version = @($props.Project.PropertyGroup | ForEach-Object { $_.Version } | Where-Object { $_ })[0]
    if (-not $version) {
        throw 'Directory.Build.props has no <Version>.'
    }
    ($version -split '-')[0]
}

function Get-ModuleFolder {
    $folder = Join-Path $OutFolder "AadstsTools/$(Get-ModuleVersion)"
    if (-not (Test-Path -LiteralPath (Join-Path $folder 'AadstsTools.psd1'))) {
        throw "The module folder '$folder' is missing or incomplete; run ./build.ps1 -Task Build first."
    }
    $folder
}

function Find-Pester {
    # The newest Pester 5 or later available to this PowerShell, or $null.
    Get-Module -ListAvailable -Name Pester | Where-Object Version -GE $MinimumPester | Sort-Object Version -Descending | Select-Object -First 1
}

function Invoke-PesterSuite {
    param([Parameter(Mandatory)] [string] $ModuleFolder)

    $pester = Find-Pester
    if (-not $pester) {
        Write-Warning "Pester $MinimumPester or later is not installed: tests/Pester was NOT run. Install it with: Install-Module Pester -MinimumVersion $MinimumPester -Scope CurrentUser"
        return
    }

    $env:AADSTS_TEST_MODULE_FOLDER = $ModuleFolder
    try {
        Import-Module $pester -Force
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $PesterFolder
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $configuration.TestResult.Enabled = $true
        $configuration.TestResult.OutputPath = Join-Path $OutFolder "pester-$($PSVersionTable.PSEdition).xml"
        $result = Invoke-Pester -Configuration $configuration
        if ($result.FailedCount -gt 0 -or $result.Result -ne 'Passed') {
            throw "Pester ($($PSVersionTable.PSEdition) $($PSVersionTable.PSVersion)): $($result.FailedCount) failed, $($result.PassedCount) passed."
        }

        if ($IsWindows -and $PSVersionTable.PSEdition -eq 'Core' -and -not $SkipWindowsPowerShell -and (Get-Command powershell.exe -ErrorAction SilentlyContinue)) {
            Write-Host 'Running the Pester suite in Windows PowerShell 5.1 too.'
            $command = "`$env:AADSTS_TEST_MODULE_FOLDER = '$ModuleFolder'; " +
                "Import-Module Pester -MinimumVersion $MinimumPester -ErrorAction Stop; " +
                "`$r = Invoke-Pester -Path '$PesterFolder' -Output Detailed -PassThru; exit [int](`$r.FailedCount -gt 0 -or `$r.Result -ne 'Passed')"
            Invoke-Native 'powershell.exe' @('-NoProfile', '-NonInteractive', '-Command', $command)
        }
    }
    finally {
        Remove-Item Env:\AADSTS_TEST_MODULE_FOLDER -ErrorAction SilentlyContinue
    }
}

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    throw 'The .NET 10 SDK (dotnet) is not on PATH.'
}

foreach ($step in $Task) {
    Write-Host "=== $step ($Configuration)" -ForegroundColor Cyan
    switch ($step) {
        'Clean' {
            if (Test-Path -LiteralPath $OutFolder) {
                Remove-Item -LiteralPath $OutFolder -Recurse -Force
            }
            Invoke-Native 'dotnet' @('clean', $Solution, '-c', $Configuration, '-nologo', '-v:q')
        }
        'Build' {
            Invoke-Native 'dotnet' @('build', $Solution, '-c', $Configuration, '-nologo')
            Invoke-BuildTool @('layout')
        }
        'Docs' {
            Invoke-BuildTool @('help', '--output', (Join-Path $OutFolder 'help'))
        }
        'Test' {
            Invoke-Native 'dotnet' @('test', $Solution, '-c', $Configuration, '-nologo')
            Invoke-PesterSuite -ModuleFolder (Get-ModuleFolder)
        }
        'Package' {
            Invoke-BuildTool @('package')
        }
    }
}
