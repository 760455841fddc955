// What the generated processes do. Each operation applies to the sources of
// the kinds it names; its title and description are written per source, and
// its inputs follow the shapes real servers publish.
import type { InputDescription, OutputDescription } from '../types.js';
import {
  bboxInput,
  booleanInput,
  dateInput,
  enumInput,
  geojsonOutput,
  geometryInput,
  integerInput,
  numberInput,
  rasterInput,
  rasterOutput,
  statsOutput,
  storageInput,
  stringInput,
  uriOutput,
  type InputShape,
} from './shapes.js';
import type { DataSource, SourceKind } from './sources.js';

export interface Operation {
  key: string;
  kinds: SourceKind[] | 'all';
  title: (s: DataSource) => string;
  description: (s: DataSource) => string;
  keywords: string[];
  inputs: Inputs;
  outputs: Record<string, OutputDescription>;
}

type Inputs = Record<string, [string, InputShape]>;

const AOI: Inputs = { bbox: ['Area of interest', bboxInput] };
const PERIOD: Inputs = { start_date: ['Start date', dateInput(true)], end_date: ['End date', dateInput(true)] };
const CLOUDS: Inputs = { max_cloud_cover: ['Maximum cloud cover (%)', integerInput(0, 100, 20)] };

function op(
  key: string,
  kinds: Operation['kinds'],
  title: (s: DataSource) => string,
  description: (s: DataSource) => string,
  keywords: string[],
  inputs: Inputs,
  outputs: Record<string, OutputDescription>,
): Operation {
  return { key, kinds, title, description, keywords, inputs, outputs };
}

const raster = { result: rasterOutput('Result raster') };
const vector = { features: geojsonOutput('Detected features') };
const stats = { statistics: statsOutput('Statistics') };

const GENERIC: Operation[] = [
  op('clip', 'all', (s) => `Clip ${s.name} to a polygon`, (s) => `Cuts ${s.long} data to the given polygon and returns the subset as a GeoTIFF.`, ['clip', 'subset', 'polygon'], { geometry: ['Clip polygon', geometryInput], ...PERIOD }, raster),
  op('reproject', 'all', (s) => `Reproject ${s.name} rasters`, (s) => `Warps ${s.long} rasters to another coordinate reference system (EPSG code).`, ['reprojection', 'CRS', 'warp'], { raster: ['Input raster', rasterInput()], target_crs: ['Target CRS', stringInput(true, '^EPSG:[0-9]+$')] }, raster),
  op('resample', 'all', (s) => `Resample ${s.name} to a new resolution`, (s) => `Resamples ${s.long} rasters to a coarser or finer pixel size.`, ['resampling', 'resolution', 'grid'], { raster: ['Input raster', rasterInput()], resolution: ['Pixel size (m)', numberInput(1, 10000, 100)], method: ['Resampling method', enumInput(['nearest', 'bilinear', 'cubic', 'average'], 'bilinear')] }, raster),
  op('cog', 'all', (s) => `Convert ${s.name} to Cloud Optimized GeoTIFF`, (s) => `Converts ${s.long} products to Cloud Optimized GeoTIFF with overviews.`, ['COG', 'format conversion', 'GeoTIFF'], { raster: ['Input raster', rasterInput()], compression: ['Compression', enumInput(['deflate', 'lzw', 'zstd'], 'deflate')] }, raster),
  op('quicklook', 'all', (s) => `Quicklook image of ${s.name}`, (s) => `Renders a small PNG preview of ${s.long} data over an area, for a quick visual check.`, ['preview', 'quicklook', 'PNG'], { ...AOI, width: ['Width (px)', integerInput(16, 1024, 256)] }, { image: { title: 'Preview', schema: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' } } }),
  op('download', 'all', (s) => `Download ${s.name} products`, (s) => `Finds and downloads ${s.long} products over an area and period into a storage location.`, ['download', 'data access', 'ingestion'], { ...AOI, ...PERIOD, storage: ['Storage', storageInput] }, { products: uriOutput('Product list') }),
  op('stac', 'all', (s) => `Search the ${s.name} STAC catalogue`, (s) => `Queries a STAC API for ${s.long} items by area, period and properties; returns the matching item links.`, ['STAC', 'catalogue', 'metadata', 'search'], { ...AOI, ...PERIOD, limit: ['Most items', integerInput(1, 1000, 100)] }, { items: uriOutput('Item collection') }),
  op('tsstats', 'all', (s) => `Time series statistics of ${s.name}`, (s) => `Computes per-pixel time series statistics (mean, trend, seasonality) of ${s.long} over a period.`, ['time series', 'trend', 'statistics'], { ...AOI, ...PERIOD, statistic: ['Statistic', enumInput(['mean', 'median', 'trend', 'amplitude'], 'mean')] }, raster),
  op('zonal', 'all', (s) => `Zonal statistics over ${s.name}`, (s) => `Summarises ${s.long} values inside each polygon of a feature collection (mean, min, max, count).`, ['zonal statistics', 'polygons', 'aggregation'], { zones: ['Zones', geometryInput], ...PERIOD }, stats),
  op('composite', 'all', (s) => `Temporal composite of ${s.name}`, (s) => `Builds a cloud-free median or max composite of ${s.long} over a period.`, ['composite', 'median', 'mosaic'], { ...AOI, ...PERIOD, reducer: ['Reducer', enumInput(['median', 'max', 'min', 'mean'], 'median')] }, raster),
  op('gapfill', 'all', (s) => `Gap filling of ${s.name} time series`, (s) => `Fills missing observations in ${s.long} time series by temporal interpolation.`, ['gap filling', 'interpolation', 'time series'], { ...AOI, ...PERIOD, max_gap_days: ['Longest gap (days)', integerInput(1, 120, 30)] }, raster),
  op('bandmath', 'all', (s) => `Band math on ${s.name}`, (s) => `Evaluates an arithmetic expression over the bands of ${s.long} rasters, pixel by pixel.`, ['band math', 'expression', 'calculator'], { rasters: ['Input rasters', rasterInput(1, 'unbounded')], expression: ['Expression', stringInput(true)] }, raster),
  op('polygonize', 'all', (s) => `Polygonize ${s.name} rasters`, (s) => `Turns classified ${s.long} rasters into vector polygons, one per connected region of equal value.`, ['polygonize', 'raster to vector', 'vectorisation'], { raster: ['Classified raster', rasterInput()], min_pixels: ['Smallest polygon (px)', integerInput(1, 10000, 10)] }, vector),
  op('datacube', 'all', (s) => `Export ${s.name} as a Zarr data cube`, (s) => `Stacks ${s.long} observations over an area and period into an analysis-ready Zarr data cube (xarray).`, ['data cube', 'Zarr', 'xarray', 'analysis ready'], { ...AOI, ...PERIOD, chunk_size: ['Chunk size (px)', integerInput(64, 4096, 512)] }, { cube: uriOutput('Zarr store') }),
  op('tiles', 'all', (s) => `XYZ map tiles from ${s.name}`, (s) => `Cuts ${s.long} imagery into web map tiles (XYZ / slippy map) for zoom levels up to a maximum.`, ['tiles', 'web map', 'XYZ'], { ...AOI, max_zoom: ['Maximum zoom', integerInput(0, 18, 12)] }, { tileset: uriOutput('Tile URL template') }),
];

const OPTICAL: Operation[] = [
  op('ndvi', ['optical'], (s) => `NDVI from ${s.name}`, (s) => `Computes the Normalized Difference Vegetation Index from the red and near-infrared bands of ${s.long}.`, ['NDVI', 'vegetation', 'index'], { ...AOI, ...PERIOD, ...CLOUDS }, raster),
  op('ndwi', ['optical'], (s) => `Water index (NDWI) from ${s.name}`, (s) => `Computes the Normalized Difference Water Index from the green and near-infrared bands of ${s.long}.`, ['NDWI', 'water', 'index'], { ...AOI, ...PERIOD, ...CLOUDS }, raster),
  op('evi', ['optical'], (s) => `Enhanced Vegetation Index from ${s.name}`, (s) => `Computes EVI, which corrects NDVI for soil and atmosphere, from ${s.long}.`, ['EVI', 'vegetation', 'index'], { ...AOI, ...PERIOD }, raster),
  op('cloudmask', ['optical'], (s) => `Cloud and shadow mask for ${s.name}`, (s) => `Detects clouds and cloud shadows in ${s.long} scenes and writes a mask.`, ['cloud mask', 'cloud shadow', 'quality'], { ...AOI, ...PERIOD, dilation: ['Mask dilation (px)', integerInput(0, 20, 3)] }, raster),
  op('atmcorr', ['optical'], (s) => `Atmospheric correction of ${s.name}`, (s) => `Converts ${s.long} top-of-atmosphere radiance to surface reflectance.`, ['atmospheric correction', 'surface reflectance', 'BOA'], { raster: ['Level-1 scene', rasterInput()], aerosol_model: ['Aerosol model', enumInput(['continental', 'maritime', 'urban'], 'continental')] }, raster),
  op('landcover', ['optical'], (s) => `Land cover classification of ${s.name}`, (s) => `Classifies ${s.long} imagery into land cover classes (forest, cropland, water, built-up, ...) with a random forest model.`, ['land cover', 'classification', 'machine learning'], { ...AOI, ...PERIOD, classes: ['Legend', enumInput(['CORINE', 'ESA WorldCover', 'LCCS'], 'ESA WorldCover')] }, raster),
  op('change', ['optical'], (s) => `Change detection between two ${s.name} dates`, (s) => `Finds what changed between two ${s.long} acquisitions (before and after) and maps the changed pixels.`, ['change detection', 'before after', 'difference'], { ...AOI, before: ['Date before', dateInput(true)], after: ['Date after', dateInput(true)], threshold: ['Change threshold', numberInput(0, 1, 0.2)] }, raster),
  op('floodopt', ['optical'], (s) => `Flood extent from ${s.name}`, (s) => `Maps flooded areas from ${s.long} water indices after an event, compared with a dry reference.`, ['flood', 'water', 'disaster', 'emergency'], { ...AOI, event_date: ['Event date', dateInput(true)] }, vector),
  op('burned', ['optical'], (s) => `Burned area mapping from ${s.name}`, (s) => `Maps burn scars after wildfires from the Normalized Burn Ratio of ${s.long}.`, ['wildfire', 'burned area', 'NBR', 'fire'], { ...AOI, ...PERIOD }, vector),
  op('snow', ['optical'], (s) => `Snow cover from ${s.name}`, (s) => `Computes the snow-covered area (NDSI) from ${s.long}.`, ['snow', 'NDSI', 'cryosphere'], { ...AOI, ...PERIOD }, raster),
  op('pansharpen', ['optical'], (s) => `Pansharpening of ${s.name}`, (s) => `Fuses the panchromatic band with the multispectral bands of ${s.long} to sharpen them.`, ['pansharpening', 'fusion', 'sharpening'], { multispectral: ['Multispectral raster', rasterInput()], panchromatic: ['Panchromatic raster', rasterInput()] }, raster),
  op('croptype', ['optical'], (s) => `Crop type map from ${s.name}`, (s) => `Identifies crops (wheat, maize, rapeseed, ...) per field from ${s.long} time series.`, ['agriculture', 'crop type', 'fields'], { fields: ['Field parcels', geometryInput], season: ['Season year', integerInput(2015, 2030, 2024)] }, vector),
  op('yield', ['optical'], (s) => `Crop yield estimate from ${s.name}`, (s) => `Estimates the harvest (tonnes per hectare) of each field from ${s.long} vegetation indices.`, ['agriculture', 'yield', 'harvest'], { fields: ['Field parcels', geometryInput], crop: ['Crop', enumInput(['wheat', 'maize', 'soybean', 'rice'], 'wheat')] }, stats),
  op('deforest', ['optical'], (s) => `Deforestation alerts from ${s.name}`, (s) => `Flags forest loss (clear-cut, logging) in ${s.long} imagery and returns alert polygons.`, ['deforestation', 'forest loss', 'alerts'], { ...AOI, ...PERIOD, min_area_ha: ['Smallest alert (ha)', numberInput(0.1, 100, 1)] }, vector),
  op('urban', ['optical'], (s) => `Built-up area extraction from ${s.name}`, (s) => `Extracts the built-up footprint (settlements, buildings) from ${s.long}.`, ['urban', 'built-up', 'settlements'], { ...AOI, year: ['Year', integerInput(2000, 2030, 2024)] }, vector),
  op('coreg', ['optical'], (s) => `Co-registration of ${s.name} images`, (s) => `Aligns a ${s.long} image to a reference image by sub-pixel shifts.`, ['co-registration', 'alignment', 'geometric correction'], { image: ['Image to align', rasterInput()], reference: ['Reference image', rasterInput()] }, raster),
];

const SAR: Operation[] = [
  op('floodsar', ['sar'], (s) => `SAR flood mapping with ${s.name}`, (s) => `Maps open water and floods from ${s.long} backscatter by thresholding, day and night, through clouds.`, ['flood', 'SAR', 'water', 'emergency'], { ...AOI, event_date: ['Event date', dateInput(true)], polarisation: ['Polarisation', enumInput(['VV', 'VH'], 'VV')] }, vector),
  op('insar', ['sar'], (s) => `Ground deformation (InSAR) from ${s.name}`, (s) => `Measures ground subsidence and uplift from interferometric ${s.long} pairs (millimetre displacement).`, ['InSAR', 'subsidence', 'deformation', 'interferometry'], { ...AOI, ...PERIOD }, raster),
  op('speckle', ['sar'], (s) => `Speckle filtering of ${s.name}`, (s) => `Reduces speckle noise in ${s.long} images with a Lee or Refined Lee filter.`, ['speckle', 'filter', 'noise'], { raster: ['SAR image', rasterInput()], filter: ['Filter', enumInput(['lee', 'refined_lee', 'gamma_map'], 'refined_lee')], window: ['Window size', integerInput(3, 15, 7)] }, raster),
  op('rtc', ['sar'], (s) => `Radiometric terrain correction of ${s.name}`, (s) => `Corrects ${s.long} backscatter for terrain effects with a DEM (gamma nought).`, ['terrain correction', 'RTC', 'backscatter'], { raster: ['SAR image', rasterInput()] }, raster),
  op('ships', ['sar'], (s) => `Ship detection in ${s.name}`, (s) => `Detects vessels at sea as bright targets in ${s.long} images (CFAR).`, ['ships', 'maritime', 'vessel detection'], { ...AOI, event_date: ['Acquisition date', dateInput(true)] }, vector),
  op('soilmoist', ['sar'], (s) => `Soil moisture from ${s.name}`, (s) => `Retrieves surface soil moisture from ${s.long} backscatter via change detection.`, ['soil moisture', 'hydrology', 'agriculture'], { ...AOI, ...PERIOD }, raster),
  op('oilspill', ['sar'], (s) => `Oil spill detection in ${s.name}`, (s) => `Finds dark slicks of oil on the sea surface in ${s.long} images.`, ['oil spill', 'pollution', 'maritime'], { ...AOI, event_date: ['Acquisition date', dateInput(true)] }, vector),
];

const THERMAL: Operation[] = [
  op('lst', ['thermal'], (s) => `Land surface temperature from ${s.name}`, (s) => `Retrieves land surface temperature (kelvin) from the thermal infrared bands of ${s.long}.`, ['LST', 'temperature', 'thermal'], { ...AOI, ...PERIOD }, raster),
  op('uhi', ['thermal'], (s) => `Urban heat island from ${s.name}`, (s) => `Maps how much warmer cities are than their surroundings, from ${s.long} surface temperature.`, ['urban heat island', 'heat', 'cities'], { ...AOI, ...PERIOD, city_only: ['Built-up pixels only', booleanInput(false)] }, raster),
  op('et', ['thermal'], (s) => `Evapotranspiration from ${s.name}`, (s) => `Estimates actual evapotranspiration (mm/day) with an energy balance model driven by ${s.long}.`, ['evapotranspiration', 'water use', 'irrigation'], { ...AOI, ...PERIOD }, raster),
  op('hotspots', ['thermal'], (s) => `Active fire hotspots from ${s.name}`, (s) => `Detects active fires as thermal anomalies in ${s.long} and returns hotspot points.`, ['wildfire', 'hotspots', 'fire', 'thermal anomaly'], { ...AOI, ...PERIOD, confidence: ['Minimum confidence', enumInput(['low', 'nominal', 'high'], 'nominal')] }, vector),
];

const ELEVATION: Operation[] = [
  op('slope', ['elevation'], (s) => `Slope and aspect from ${s.name}`, (s) => `Derives terrain slope (degrees) and aspect from the ${s.long}.`, ['slope', 'aspect', 'terrain'], { ...AOI, units: ['Slope units', enumInput(['degrees', 'percent'], 'degrees')] }, raster),
  op('hillshade', ['elevation'], (s) => `Hillshade of ${s.name}`, (s) => `Renders shaded relief from the ${s.long} for a sun azimuth and altitude.`, ['hillshade', 'relief', 'terrain', 'visualisation'], { ...AOI, azimuth: ['Sun azimuth', numberInput(0, 360, 315)], altitude: ['Sun altitude', numberInput(0, 90, 45)] }, raster),
  op('watershed', ['elevation'], (s) => `Watershed delineation on ${s.name}`, (s) => `Delineates the catchment upstream of an outlet point from the ${s.long} (flow direction, D8).`, ['watershed', 'catchment', 'hydrology'], { outlet: ['Outlet point (lon, lat)', stringInput(true, '^-?[0-9.]+, *-?[0-9.]+$')], snap_distance: ['Snap distance (m)', numberInput(0, 5000, 100)] }, vector),
  op('viewshed', ['elevation'], (s) => `Viewshed analysis on ${s.name}`, (s) => `Computes which areas are visible from an observer point on the ${s.long}.`, ['viewshed', 'visibility', 'line of sight'], { observer: ['Observer point (lon, lat)', stringInput(true)], height: ['Observer height (m)', numberInput(0, 500, 2)] }, raster),
  op('contours', ['elevation'], (s) => `Contour lines from ${s.name}`, (s) => `Draws elevation contour lines from the ${s.long} at a fixed interval.`, ['contours', 'isolines', 'topography'], { ...AOI, interval: ['Interval (m)', numberInput(1, 1000, 50)] }, vector),
  op('flowacc', ['elevation'], (s) => `Flow accumulation and stream network from ${s.name}`, (s) => `Computes flow accumulation and extracts the river network from the ${s.long}.`, ['flow accumulation', 'streams', 'rivers', 'hydrology'], { ...AOI, threshold: ['Stream threshold (cells)', integerInput(10, 100000, 1000)] }, vector),
];

const ATMOSPHERE: Operation[] = [
  op('no2', ['atmosphere'], (s) => `NO2 concentration from ${s.name}`, (s) => `Averages tropospheric nitrogen dioxide columns from ${s.long} over a period (air pollution from traffic and industry).`, ['NO2', 'nitrogen dioxide', 'air quality', 'pollution'], { ...AOI, ...PERIOD }, raster),
  op('aod', ['atmosphere'], (s) => `Aerosol optical depth from ${s.name}`, (s) => `Maps aerosol optical depth (haze, dust, smoke) from ${s.long}.`, ['aerosols', 'AOD', 'dust', 'air quality'], { ...AOI, ...PERIOD }, raster),
  op('ozone', ['atmosphere'], (s) => `Total ozone column from ${s.name}`, (s) => `Computes total ozone column (Dobson units) from ${s.long}.`, ['ozone', 'stratosphere'], { ...AOI, ...PERIOD }, raster),
  op('methane', ['atmosphere'], (s) => `Methane plumes from ${s.name}`, (s) => `Detects methane (CH4) emission plumes from landfills, oil and gas sites in ${s.long}.`, ['methane', 'CH4', 'greenhouse gas', 'emissions'], { ...AOI, ...PERIOD }, vector),
  op('so2', ['atmosphere'], (s) => `Volcanic SO2 from ${s.name}`, (s) => `Tracks sulphur dioxide clouds after volcanic eruptions in ${s.long}.`, ['SO2', 'volcano', 'sulphur dioxide'], { ...AOI, event_date: ['Eruption date', dateInput(true)] }, raster),
];

const OCEAN: Operation[] = [
  op('chl', ['ocean'], (s) => `Chlorophyll-a concentration from ${s.name}`, (s) => `Estimates chlorophyll-a (mg/m3) in oceans and lakes from ${s.long} water-leaving reflectance.`, ['chlorophyll', 'ocean colour', 'water quality', 'phytoplankton'], { ...AOI, ...PERIOD }, raster),
  op('sst', ['ocean'], (s) => `Sea surface temperature from ${s.name}`, (s) => `Retrieves sea surface temperature (SST) from ${s.long}.`, ['SST', 'sea surface temperature', 'ocean'], { ...AOI, ...PERIOD }, raster),
  op('turbidity', ['ocean'], (s) => `Turbidity and suspended sediment from ${s.name}`, (s) => `Maps water turbidity (NTU) and total suspended matter in coastal waters from ${s.long}.`, ['turbidity', 'sediment', 'coastal', 'water quality'], { ...AOI, ...PERIOD }, raster),
  op('hab', ['ocean'], (s) => `Harmful algal bloom detection from ${s.name}`, (s) => `Flags harmful algal blooms (cyanobacteria) in lakes and coasts from ${s.long}.`, ['algal bloom', 'cyanobacteria', 'lakes', 'water quality'], { ...AOI, ...PERIOD }, vector),
];

const CLIMATE: Operation[] = [
  op('tanom', ['climate'], (s) => `Temperature anomaly from ${s.name}`, (s) => `Computes near-surface air temperature anomalies against a 1991-2020 baseline from ${s.long}.`, ['temperature anomaly', 'climate', 'warming'], { ...AOI, ...PERIOD, baseline: ['Baseline', enumInput(['1961-1990', '1991-2020'], '1991-2020')] }, raster),
  op('precip', ['climate'], (s) => `Precipitation statistics from ${s.name}`, (s) => `Aggregates rainfall totals and extremes (daily maxima, dry spells) from ${s.long}.`, ['precipitation', 'rainfall', 'extremes'], { ...AOI, ...PERIOD, aggregation: ['Aggregation', enumInput(['daily', 'monthly', 'yearly'], 'monthly')] }, stats),
  op('spei', ['climate'], (s) => `Drought index (SPEI) from ${s.name}`, (s) => `Computes the Standardised Precipitation-Evapotranspiration Index to monitor drought from ${s.long}.`, ['drought', 'SPEI', 'water balance'], { ...AOI, ...PERIOD, scale_months: ['Scale (months)', integerInput(1, 48, 3)] }, raster),
  op('degreedays', ['climate'], (s) => `Heating and cooling degree days from ${s.name}`, (s) => `Counts heating and cooling degree days for energy demand from ${s.long}.`, ['degree days', 'energy demand', 'heating'], { ...AOI, ...PERIOD, base_temperature: ['Base temperature (C)', numberInput(-10, 30, 18)] }, stats),
  op('wind', ['climate'], (s) => `Wind energy potential from ${s.name}`, (s) => `Estimates wind power density and capacity factor at hub height from ${s.long} winds.`, ['wind', 'renewable energy', 'wind turbines'], { ...AOI, hub_height: ['Hub height (m)', integerInput(10, 250, 100)] }, stats),
];

export const OPERATIONS: readonly Operation[] = [...OPTICAL, ...SAR, ...THERMAL, ...ELEVATION, ...ATMOSPHERE, ...OCEAN, ...CLIMATE, ...GENERIC];

export function buildInputs(operation: Operation): Record<string, InputDescription> {
  return Object.fromEntries(Object.entries(operation.inputs).map(([id, [title, shape]]) => [id, shape(title)]));
}
